import { describe, expect, it } from 'vitest';
import { consoleSender } from './console-sender.ts';

describe('the console sender', () => {
  it('prints where a message would go, its text and its buttons, and answers a message id', async () => {
    const lines: string[] = [];
    const sender = consoleSender((text) => lines.push(text));
    const button = { customId: 'v1:rien:act_000001:dlv_000001', style: 'secondary' as const };
    const answer = await sender.sendDirect(
      '123456789012345678',
      { text: 'Point de la semaine', buttons: [[{ ...button, label: 'Rien de neuf' }]] },
      'dlv_000001',
    );
    await sender.sendToChannel(
      '223456789012345678',
      { text: '📰 **La semaine** : le <t:1792922400:D>' },
      'dlv_000002',
    );
    expect(lines[0]).toBe(
      '── message privé à 123456789012345678 (dlv_000001)\nPoint de la semaine\n[Rien de neuf]\n',
    );
    // Markdown and timestamps as a terminal shows them (Paris time).
    expect(lines[1]).toBe(
      '── salon 223456789012345678 (dlv_000002)\n📰 La semaine : le 25 octobre 2026\n',
    );
    expect(answer.messageId).toBe('console-1');
  });
});
