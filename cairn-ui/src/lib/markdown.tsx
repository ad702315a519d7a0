// Notes are markdown. A small renderer for what notes use (headings, paragraphs, lists, fenced code,
// bold, italic, inline code, links) that builds React elements, never HTML strings: text stays text, so a
// note cannot inject markup or scripts.
import type { ReactNode } from 'react';

export function Markdown({ text }: { text: string }) {
  return <div className="markdown">{blocks(text.replace(/\r\n?/g, '\n').split('\n'))}</div>;
}

function blocks(lines: string[]): ReactNode[] {
  const out: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      i++; // the closing fence
      out.push(<pre key={out.length}><code>{code.join('\n')}</code></pre>);
    } else if (/^#{1,6}\s/.test(line)) {
      const level = Math.min(line.indexOf(' '), 4) + 2; // "#" is a section of the page: h3 and below
      const Heading = `h${Math.min(level, 6)}` as 'h3';
      out.push(<Heading key={out.length}>{inline(line.replace(/^#+\s+/, ''))}</Heading>);
      i++;
    } else if (/^\s*([-*]|\d+\.)\s/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: ReactNode[] = [];
      for (; i < lines.length && /^\s*([-*]|\d+\.)\s/.test(lines[i]); i++) {
        items.push(<li key={items.length}>{inline(lines[i].replace(/^\s*([-*]|\d+\.)\s+/, ''))}</li>);
      }
      out.push(ordered ? <ol key={out.length}>{items}</ol> : <ul key={out.length}>{items}</ul>);
    } else {
      const paragraph: string[] = [];
      for (; i < lines.length && lines[i].trim() !== '' && !/^(```|#{1,6}\s|\s*([-*]|\d+\.)\s)/.test(lines[i]); i++) {
        paragraph.push(lines[i]);
      }
      out.push(<p key={out.length}>{inline(paragraph.join(' '))}</p>);
    }
  }
  return out;
}

// `code`, **bold**, *italic* or _italic_, [text](url); the first match in the text wins, the rest recurses
const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*]+)\*|_([^_]+)_|\[([^\]]+)\]\(([^)\s]+)\)/;

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  for (let m = INLINE.exec(rest); m; m = INLINE.exec(rest)) {
    if (m.index > 0) out.push(rest.slice(0, m.index));
    const key = out.length;
    if (m[1] !== undefined) out.push(<code key={key}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={key}>{inline(m[2])}</strong>);
    else if (m[3] !== undefined || m[4] !== undefined) out.push(<em key={key}>{inline(m[3] ?? m[4])}</em>);
    else out.push(isSafeUrl(m[6]) ? <a key={key} href={m[6]} rel="noreferrer noopener" target="_blank">{m[5]}</a> : m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) out.push(rest);
  return out;
}

function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|\/|#|\.\.?\/)/i.test(url);
}
