import { type Decision, Meeting } from '../../governance/meeting.ts';
import { ValidationError } from '../../shared/errors.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parseChange, saveChange } from '../helpers.ts';
import { checkMeetingReferences, ScheduleMeetingInput } from './schedule-meeting.ts';

const MeetingPatchFields = ScheduleMeetingInput.omit({ bodyId: true });

/** Changes a meeting: moves it, cancels it, records its minutes, decisions and attendance. */
export async function updateMeeting(ctx: UseCaseContext, input: unknown): Promise<Meeting> {
  const { id, expectedVersion, changes } = parseChange(MeetingPatchFields, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.meetings, id, 'Séance');
    await authorize(ctx, repos, 'meeting.manage', before.governanceId, {
      asked: ['Séance', before.id],
    });
    await checkMeetingReferences(repos, before.governanceId, changes);
    const decisions = changes.decisions
      ? keepActingDecisions(before, changes.decisions).map((d) => ({
          ...d,
          id: d.id ?? ctx.ids('decision'),
        }))
      : undefined;
    return saveChange(
      ctx,
      repos,
      { schema: Meeting, entity: 'meeting', repo: repos.meetings },
      {
        before,
        expectedVersion,
        changes: { ...changes, ...(decisions ? { decisions } : {}) } as Partial<Meeting>,
      },
    );
  });
}

/**
 * A decision that acted (adopted a roadmap, moved a milestone…) is part of what it changed: a
 * meeting's edit keeps it as it is, with its effect, and refuses to drop or reword it.
 */
function keepActingDecisions<D extends { id?: string | undefined; text: string }>(
  before: Meeting,
  sent: readonly D[],
): (D | Decision)[] {
  const acting = new Map(
    before.decisions.filter((d) => d.effect !== undefined).map((d) => [d.id, d]),
  );
  const kept = sent.map((d) => (d.id ? (acting.get(d.id) ?? d) : d));
  const lost = [...acting.values()].filter(
    (d) => !sent.some((s) => s.id === d.id && s.text === d.text),
  );
  if (lost.length > 0) {
    throw new ValidationError(
      lost.map((d) => ({
        path: ['patch', 'decisions'],
        message: `La décision « ${d.text} » a pris effet : elle ne se retire ni ne se modifie. Consignez une nouvelle décision.`,
      })),
    );
  }
  return kept;
}
