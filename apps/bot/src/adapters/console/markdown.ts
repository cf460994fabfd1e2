/**
 * Discord's markdown as a terminal shows it: `**gras**`, `*italique*`, `__souligné__`,
 * `~~barré~~` and `` `code` `` as ANSI styles (or plain words when the output is not a
 * terminal), `> citations` behind a bar, `[texte](lien)` as « texte (lien) », mentions as
 * `@id`. What is not markdown is left alone: `per_lrmoreau` keeps its underscore.
 *
 * @example
 * renderMarkdown('**Vos jalons** : tapez `/point`', 'plain'); // 'Vos jalons : tapez /point'
 */
export function renderMarkdown(text: string, style: 'ansi' | 'plain'): string {
  const sgr = (on: number, off: number) =>
    style === 'ansi'
      ? (inner: string) => `\x1b[${on}m${inner}\x1b[${off}m`
      : (inner: string) => inner;
  const s = {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    italic: sgr(3, 23),
    underline: sgr(4, 24),
    strike: sgr(9, 29),
    code: sgr(36, 39),
  };
  const lines: string[] = [];
  let inBlock = false;
  let quoteRest = false;
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('```')) {
      inBlock = !inBlock;
      continue;
    }
    if (inBlock) {
      lines.push(`  ${s.code(line)}`);
      continue;
    }
    let body = line;
    let quoted = quoteRest;
    if (body.startsWith('>>> ')) {
      quoteRest = true;
      quoted = true;
      body = body.slice(4);
    } else if (body.startsWith('> ') || body === '>') {
      quoted = true;
      body = body.slice(2);
    }
    const heading = /^(#{1,3}|-#) (.*)$/.exec(body);
    if (heading)
      body =
        heading[1] === '-#'
          ? s.dim(inline(heading[2] ?? '', s))
          : s.bold(inline(heading[2] ?? '', s));
    else body = inline(body, s);
    lines.push(quoted ? `${s.dim('│')} ${body}` : body);
  }
  return lines.join('\n');
}

type Styles = Record<
  'bold' | 'italic' | 'underline' | 'strike' | 'code',
  (inner: string) => string
>;

/** The styles within a line; code spans are kept as they are written. */
function inline(line: string, s: Styles): string {
  return line
    .split(/(`[^`\n]+`)/)
    .map((part) =>
      part.length > 2 && part.startsWith('`') && part.endsWith('`')
        ? s.code(part.slice(1, -1))
        : part
            .replace(/\[([^\]\n]+)\]\(<?(https?:\/\/[^)\s>]+)>?\)/g, '$1 ($2)')
            .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
            .replace(/<@!?(\d+)>/g, '@$1')
            .replace(/<@&(\d+)>/g, '@&$1')
            .replace(/<#(\d+)>/g, '#$1')
            .replace(/\*\*(?=\S)([^*\n]+?)\*\*/g, (_, inner: string) => s.bold(inner))
            .replace(/__(?=\S)([^_\n]+?)__/g, (_, inner: string) => s.underline(inner))
            .replace(/~~(?=\S)([^~\n]+?)~~/g, (_, inner: string) => s.strike(inner))
            .replace(/\|\|([^|\n]+?)\|\|/g, '$1')
            .replace(
              /(^|[^\w*])\*(?=\S)([^*\n]+?)\*(?![\w*])/g,
              (_, before: string, inner: string) => `${before}${s.italic(inner)}`,
            )
            .replace(
              /(^|[^\w])_(?=\S)([^_\n]+?)_(?!\w)/g,
              (_, before: string, inner: string) => `${before}${s.italic(inner)}`,
            )
            .replace(/\\([*_~`|>\\])/g, '$1'),
    )
    .join('');
}
