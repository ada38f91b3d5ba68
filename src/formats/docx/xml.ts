/** XML helpers over htmlparser2's DOM, enough for the parts of a DOCX. */
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

type El = Element;

export function xml(text: string): El {
  return parseDocument(text, { xmlMode: true }) as unknown as El;
}

export function kids(el: El | null | undefined): El[] {
  return (el?.children ?? []).filter((c: AnyNode): c is El => c.type === 'tag');
}

/** First descendant with this tag (breadth-first), within `depth` levels when given. */
export function find(el: El | null | undefined, name: string, depth = Infinity): El | null {
  if (!el) return null;
  let level: El[] = [el];
  for (let d = 0; d < depth && level.length > 0; d++) {
    const next: El[] = [];
    for (const e of level) {
      for (const c of kids(e)) {
        if (c.name === name) return c;
        next.push(c);
      }
    }
    level = next;
  }
  return null;
}

/** The text directly inside an element (entities are already decoded by the parser). */
export function textOf(el: El): string {
  let s = '';
  for (const c of el.children ?? []) if (c.type === 'text') s += (c as unknown as { data: string }).data;
  return s;
}
