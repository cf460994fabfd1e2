import type { CalendarLinks } from '@maille/domain';
import { actionPath, meetingPath, roadmapPath } from './paths.ts';

/**
 * The workspace's address of each item of a calendar feed, under `origin` (the workspace is
 * served with the API): a milestone on its sheet (or its roadmap), a meeting on its page.
 *
 * @example
 * readCalendarFeed(ctx, { token }, { links: workspaceLinks('https://maille.example') });
 */
export function workspaceLinks(origin: string): CalendarLinks {
  return {
    milestone: (m) =>
      new URL(m.actionId ? actionPath(m.actionId) : roadmapPath(m.roadmapId), origin).href,
    meeting: (m) => new URL(meetingPath(m.id), origin).href,
  };
}
