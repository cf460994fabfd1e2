/**
 * The use cases: what apps call. Each takes a `UseCaseContext` (storage, clock, ids, actor) and an
 * unvalidated input, validates it with the kernel's schemas, checks permissions, applies the rules
 * and writes its changes with an audit event in one transaction.
 */
export * from './actors/create-organization.ts';
export * from './actors/create-territory.ts';
export * from './actors/update-organization.ts';
export * from './actors/update-territory.ts';
export * from './audit/list-history.ts';
export * from './authorize.ts';
export * from './context.ts';
export * from './exchange/authorize-calendar-feeds.ts';
export * from './exchange/export-governance.ts';
export * from './exchange/export-spreadsheets.ts';
export * from './exchange/import-governance.ts';
export * from './exchange/read-calendar-feed.ts';
export * from './governance/assign-role.ts';
export * from './governance/create-body.ts';
export * from './governance/create-governance.ts';
export * from './governance/get-governance.ts';
export * from './governance/get-governance-dashboard.ts';
export * from './governance/list-governances.ts';
export * from './governance/schedule-meeting.ts';
export * from './governance/update-body.ts';
export * from './governance/update-governance.ts';
export * from './governance/update-meeting.ts';
export * from './indicators/create-indicator.ts';
export * from './indicators/get-indicator-series.ts';
export * from './indicators/install-default-indicators.ts';
export * from './indicators/record-measurement.ts';
export * from './indicators/update-indicator.ts';
export * from './inputs.ts';
export * from './page.ts';
export * from './people/create-person.ts';
export * from './people/personal-data.ts';
export * from './people/update-person.ts';
export type * from './ports.ts';
export * from './reminders/plan-deliveries.ts';
export * from './roadmap/add-funding-line.ts';
export * from './roadmap/adopt-roadmap.ts';
export * from './roadmap/cancel-milestone.ts';
export * from './roadmap/change-roadmap-status.ts';
export * from './roadmap/complete-milestone.ts';
export * from './roadmap/create-action.ts';
export * from './roadmap/create-milestone.ts';
export * from './roadmap/create-roadmap.ts';
export * from './roadmap/get-action.ts';
export * from './roadmap/get-roadmap-health.ts';
export * from './roadmap/list-actions.ts';
export * from './roadmap/promote-action.ts';
export * from './roadmap/record-update.ts';
export * from './roadmap/reschedule-milestone.ts';
export * from './roadmap/transition-action.ts';
export * from './roadmap/update-action.ts';
export * from './roadmap/update-funding-line.ts';
export * from './roadmap/update-milestone.ts';
export * from './roadmap/update-roadmap.ts';
