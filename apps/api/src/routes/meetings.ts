import type { OpenAPIHono } from '@hono/zod-openapi';
import { Meeting } from '@maille/domain';
import {
  GetBodyInput,
  GetMeetingInput,
  getMeeting,
  ListMeetingsInput,
  listMeetings,
  ScheduleMeetingInput,
  scheduleMeeting,
  updateMeeting,
} from '@maille/domain/use-cases';
import { setETag } from '../concurrency.ts';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { decodeCursor, pageResponse } from '../pagination.ts';
import {
  announceCreated,
  changeRoute,
  changeUnderIfMatch,
  createdRoute,
  listRoute,
  readRoute,
} from './route-shapes.ts';

const TAGS = ['Séances'];
const one = { path: '/meetings/{meetingId}', tags: TAGS, params: GetMeetingInput } as const;

const list = listRoute({
  path: '/governances/{governanceId}/meetings',
  tags: TAGS,
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
});
const read = readRoute({ ...one, summary: fr.openapi.getMeeting, schema: Meeting });
// A meeting is a body's: it is scheduled under the body, which names its governance.
const schedule = createdRoute({
  path: '/bodies/{bodyId}/meetings',
  tags: TAGS,
  summary: fr.openapi.scheduleMeeting,
  params: GetBodyInput,
  body: ScheduleMeetingInput.omit({ bodyId: true }),
  schema: Meeting,
});
const update = changeRoute({ ...one, summary: fr.openapi.updateMeeting, schema: Meeting });

/** Meetings of a governance's bodies: agenda, minutes, decisions and attendance. */
export function registerMeetingRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(list, async (c) => {
    const { governanceId } = c.req.valid('param');
    const { limit, cursor, bodyId } = c.req.valid('query');
    const after = decodeCursor(cursor, ListMeetingsInput.shape.after.unwrap());
    const page = await listMeetings(useCaseContext(deps, c), {
      governanceId,
      bodyId,
      after,
      limit,
    });
    return c.json(pageResponse(c, page, limit), 200);
  });

  app.openapi(read, async (c) => {
    const meeting = await getMeeting(useCaseContext(deps, c), c.req.valid('param'));
    setETag(c, meeting);
    return c.json(meeting, 200);
  });

  app.openapi(schedule, async (c) => {
    const meeting = await scheduleMeeting(useCaseContext(deps, c), {
      ...c.req.valid('json'),
      bodyId: c.req.valid('param').bodyId,
    });
    announceCreated(c, meeting, `/meetings/${meeting.id}`);
    return c.json(meeting, 201);
  });

  app.openapi(update, async (c) => {
    const patch = c.req.valid('json');
    const meeting = await changeUnderIfMatch(c, c.req.valid('param').meetingId, (id, v) =>
      updateMeeting(useCaseContext(deps, c), { id, expectedVersion: v, patch }),
    );
    return c.json(meeting, 200);
  });
}
