/**
 * A small element builder. Report text is untrusted: it only ever goes in as text nodes or
 * attribute values, never as HTML.
 */
type Child = Node | string | number | null | undefined | false | readonly Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export { SEVERITY_LABEL } from '../../src/diagnostics/format.js';
export const STATUS_LABEL: Record<string, string> = { filled: '已填写', blank: '空白', missing: '缺失', unreadable: '无法识读', invalid: '无效' };
export const KIND_LABEL: Record<string, string> = { government: '人民政府', department: '部门', township: '乡镇', subdistrict: '街道' };

export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '未知' : `${(v * 100).toFixed(1)}%`;
}
