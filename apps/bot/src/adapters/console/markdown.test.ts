import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('Discord’s markdown in a terminal', () => {
  it('shows bold, code, quotes and links as words when the output is not a terminal', () => {
    const text = [
      '📣 **Claire Moreau** donne un point d’étape sur « Charte » :',
      '> Envoyée aux *partenaires*.',
      'Tapez `/lier CODE` ici, ou voyez [la doc](https://maille.example/aide).',
      'Pour <@123456789012345678> (per_lrmoreau, mil_lr0901) : __Vos jalons__ ~~annulé~~',
    ].join('\n');
    expect(renderMarkdown(text, 'plain')).toBe(
      [
        '📣 Claire Moreau donne un point d’étape sur « Charte » :',
        '│ Envoyée aux partenaires.',
        'Tapez /lier CODE ici, ou voyez la doc (https://maille.example/aide).',
        'Pour @123456789012345678 (per_lrmoreau, mil_lr0901) : Vos jalons annulé',
      ].join('\n'),
    );
  });

  it('styles them with ANSI codes in a terminal, and keeps code spans as written', () => {
    expect(renderMarkdown('**Vos jalons** — `**pas du gras**`', 'ansi')).toBe(
      '\x1b[1mVos jalons\x1b[22m — \x1b[36m**pas du gras**\x1b[39m',
    );
    expect(renderMarkdown('> citée', 'ansi')).toBe('\x1b[2m│\x1b[22m citée');
  });
});
