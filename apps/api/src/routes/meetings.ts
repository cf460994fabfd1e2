import type { OpenAPIHono } from '@hono/zod-openapi';
import { Meeting } from '@maille/domain';
import {
  GetBodyInput,
  GetMeetingInput,
  getMeeting,
  ListMeetingsInput,
  listMeetings,
  RecordDecisionInput,
  recordDecision,
  ScheduleMeetingInput,
  scheduleMeeting,
  updateMeeting,
} from '@maille/domain/use-cases';
import type { ApiEnv, AppDependencies } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { registerCreate, registerList, registerPatch, registerRead } from './resource-routes.ts';

const MEETINGS = { tag: 'Séances', one: 'Meeting', many: 'Meetings' };
const one = {
  path: '/meetings/{meetingId}',
  resource: MEETINGS,
  params: GetMeetingInput,
  schema: Meeting,
} as const;

/** Meetings of a governance's bodies: agenda, minutes, decisions and attendance. */
export function registerMeetingRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  registerList(
    app,
    deps,
    {
      path: '/governances/{governanceId}/meetings',
      resource: MEETINGS,
      summary: fr.openapi.listMeetings,
      params: ListMeetingsInput.pick({ governanceId: true }),
      query: {
        // A new schema: `.openapi` exists only on those made once `@hono/zod-openapi` is loaded.
        bodyId: ListMeetingsInput.shape.bodyId
          .unwrap()
          .optional()
          .openapi({ description: fr.openapi.bodyFilter }),
      },
      item: Meeting,
      cursorId: ListMeetingsInput.shape.after.unwrap(),
      problems: ['interdit'],
    },
    listMeetings,
  );
  registerRead(
    app,
    deps,
    { ...one, summary: fr.openapi.getMeeting, versioned: true, problems: ['interdit'] },
    getMeeting,
  );
  // A meeting is a body's: it is scheduled under the body, which names its governance.
  registerCreate(
    app,
    deps,
    {
      path: '/bodies/{bodyId}/meetings',
      resource: MEETINGS,
      summary: fr.openapi.scheduleMeeting,
      params: GetBodyInput,
      body: ScheduleMeetingInput.omit({ bodyId: true }),
      schema: Meeting,
      versioned: true,
      location: (meeting) => `/meetings/${meeting.id}`,
      problems: ['conflit'],
    },
    scheduleMeeting,
  );
  registerPatch(
    app,
    deps,
    { ...one, summary: fr.openapi.updateMeeting, problems: ['conflit'] },
    updateMeeting,
  );
  // A decision is appended to its meeting: no If-Match, two secretaries may record side by side.
  registerCreate(
    app,
    deps,
    {
      path: '/meetings/{meetingId}/decisions',
      resource: MEETINGS,
      operationId: 'recordDecision',
      summary: fr.openapi.recordDecision,
      description: fr.openapi.recordDecisionDescription,
      params: GetMeetingInput,
      body: RecordDecisionInput.omit({ meetingId: true }),
      schema: Meeting,
      versioned: true,
      location: (meeting) => `/meetings/${meeting.id}`,
      problems: ['conflit', 'transition-invalide'],
    },
    recordDecision,
  );
}
