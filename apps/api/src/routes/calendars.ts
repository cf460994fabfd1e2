import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Label } from '@maille/domain';
import {
  CalendarFeedId,
  CreateCalendarFeedInput,
  calendarFeedPath,
  createCalendarFeed,
  getPersonalCalendarFeed,
  listCalendarFeeds,
  PersonalCalendarFeedInput,
  pageAfter,
  readCalendarFeed,
  renewPersonalCalendarFeed,
  revokeCalendarFeed,
} from '@maille/domain/use-cases';
import { workspaceLinks } from '@maille/web';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { ApiProblem } from '../errors/problems.ts';
import { fr } from '../messages/fr.ts';
import {
  LINK_HEADER,
  NO_KEY,
  problemResponses,
  READ_PROBLEMS,
  REQUIRED_KEY,
  WRITE_PROBLEMS,
} from './openapi-helpers.ts';
import { decodeCursor, PageQuery, pageResponse } from './pagination.ts';

const TAGS = ['Calendriers'];
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

const CalendarFeed = z
  .object({
    id: z.string(),
    governanceId: z.string().optional(),
    personId: z.string().optional(),
    label: z.string(),
    createdAt: z.string(),
    createdBy: z.string().optional(),
    revokedAt: z.string().optional(),
  })
  .openapi('CalendarFeed');

const CreatedCalendarFeed = CalendarFeed.extend({
  path: z.string().openapi({ description: 'Le chemin du lien, secret compris.' }),
  url: z.string().openapi({ description: 'Le lien complet, tel que la requête a atteint l’API.' }),
});

const personParams = z.object({ personId: PersonalCalendarFeedInput.shape.personId });

const personalFeed = createRoute({
  method: 'get',
  path: '/persons/{personId}/calendar-feed',
  tags: TAGS,
  operationId: 'getPersonalCalendarFeed',
  summary: fr.openapi.personalCalendarFeed,
  description: fr.openapi.personalCalendarFeedDescription,
  security: REQUIRED_KEY,
  request: { params: personParams },
  responses: {
    200: {
      description: fr.openapi.personalCalendarFeed,
      content: { 'application/json': { schema: CreatedCalendarFeed } },
    },
    ...problemResponses(...READ_PROBLEMS, 'conflit'),
  },
});

const renewPersonalFeed = createRoute({
  method: 'post',
  path: '/persons/{personId}/calendar-feed',
  tags: TAGS,
  operationId: 'renewPersonalCalendarFeed',
  summary: fr.openapi.renewPersonalCalendarFeed,
  description: fr.openapi.renewPersonalCalendarFeedDescription,
  security: REQUIRED_KEY,
  request: { params: personParams },
  responses: {
    201: {
      description: fr.openapi.renewPersonalCalendarFeed,
      content: { 'application/json': { schema: CreatedCalendarFeed } },
    },
    ...problemResponses(...WRITE_PROBLEMS, 'conflit'),
  },
});

const governanceParams = z.object({
  governanceId: CreateCalendarFeedInput.shape.governanceId,
});

const feed = createRoute({
  method: 'get',
  // The token and its `.ics` form one path segment: Hono's router reads `{token}.ics` as a
  // parameter named `token.ics`.
  path: '/calendars/{feed}',
  tags: TAGS,
  operationId: 'getCalendar',
  summary: fr.openapi.calendarFeed,
  description: fr.openapi.calendarFeedDescription,
  security: NO_KEY,
  request: {
    params: z.object({
      feed: z.string().max(100).openapi({ description: fr.openapi.calendarFeedToken }),
    }),
  },
  responses: {
    200: {
      description: fr.openapi.calendarFeed,
      content: { 'text/calendar': { schema: z.string() } },
    },
    ...problemResponses(...READ_PROBLEMS),
  },
});

const create = createRoute({
  method: 'post',
  path: '/governances/{governanceId}/calendar-feeds',
  tags: TAGS,
  operationId: 'createCalendarFeed',
  summary: fr.openapi.createCalendarFeed,
  description: fr.openapi.createCalendarFeedDescription,
  security: REQUIRED_KEY,
  request: {
    params: governanceParams,
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z.object({
            label: Label.optional().openapi({ description: fr.openapi.calendarFeedLabel }),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: fr.openapi.createCalendarFeed,
      content: { 'application/json': { schema: CreatedCalendarFeed } },
    },
    ...problemResponses(...WRITE_PROBLEMS),
  },
});

const list = createRoute({
  method: 'get',
  path: '/governances/{governanceId}/calendar-feeds',
  tags: TAGS,
  operationId: 'listCalendarFeeds',
  summary: fr.openapi.listCalendarFeeds,
  security: REQUIRED_KEY,
  request: { params: governanceParams, query: PageQuery },
  responses: {
    200: {
      description: fr.openapi.listCalendarFeeds,
      headers: LINK_HEADER,
      content: { 'application/json': { schema: z.object({ items: z.array(CalendarFeed) }) } },
    },
    ...problemResponses(...READ_PROBLEMS, 'interdit'),
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/calendar-feeds/{feedId}',
  tags: TAGS,
  operationId: 'revokeCalendarFeed',
  summary: fr.openapi.revokeCalendarFeed,
  security: REQUIRED_KEY,
  request: { params: z.object({ feedId: CalendarFeedId }) },
  responses: {
    204: { description: fr.openapi.revokeCalendarFeed },
    ...problemResponses(...READ_PROBLEMS, 'interdit', 'conflit'),
  },
});

/**
 * Calendar feeds: the iCalendar link itself, which the secret token in its path opens without an
 * API key (calendar applications cannot send one), and its management by the coordination.
 */
export function registerCalendarRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(feed, async (c) => {
    const token = FEED_FILE.exec(c.req.valid('param').feed)?.[1];
    // The workspace is served with the API: each event links to its page under this origin.
    const links = workspaceLinks(new URL(c.req.url).origin);
    const opened =
      token === undefined
        ? undefined
        : await readCalendarFeed(useCaseContext(deps, c), { token }, { links });
    if (!opened) throw new ApiProblem('introuvable', fr.calendars.unknownFeed);
    return c.body(opened.calendar, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${opened.governance?.id ?? 'agenda'}.ics"`,
      // The link is a secret: no shared cache may keep what it opens.
      'Cache-Control': 'private, max-age=300',
    });
  });

  app.openapi(create, async (c) => {
    const { governanceId } = c.req.valid('param');
    const { feed: created, token } = await createCalendarFeed(useCaseContext(deps, c), {
      governanceId,
      label: c.req.valid('json').label ?? fr.calendars.defaultLabel(deps.clock().slice(0, 10)),
    });
    const path = calendarFeedPath(token);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...created, path, url: new URL(path, c.req.url).href }, 201);
  });

  // A person's own link: shown again to the person (and an administrator), renewed at will.
  app.openapi(personalFeed, async (c) => {
    const live = await getPersonalCalendarFeed(useCaseContext(deps, c), c.req.valid('param'));
    if (!live) throw new ApiProblem('introuvable', fr.calendars.noPersonalFeed);
    const path = calendarFeedPath(live.token);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...live.feed, path, url: new URL(path, c.req.url).href }, 200);
  });

  app.openapi(renewPersonalFeed, async (c) => {
    const renewed = await renewPersonalCalendarFeed(useCaseContext(deps, c), c.req.valid('param'));
    const path = calendarFeedPath(renewed.token);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...renewed.feed, path, url: new URL(path, c.req.url).href }, 201);
  });

  app.openapi(list, async (c) => {
    const { governanceId } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const after = decodeCursor(cursor, CalendarFeedId);
    const feeds = await listCalendarFeeds(useCaseContext(deps, c), { governanceId });
    return c.json(pageResponse(c, pageAfter(feeds, { after, limit }), limit), 200);
  });

  app.openapi(revoke, async (c) => {
    const { feedId } = c.req.valid('param');
    await revokeCalendarFeed(useCaseContext(deps, c), { feedId });
    return c.body(null, 204);
  });
}
