// The uncommitted changes a run started with (`metadata.git.diff`, written by the SDKs), as a
// collapsible unified diff: added lines green, removed lines red, hunk headers muted.
import { useMemo } from 'react';

function lineKind(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff ') || line.startsWith('index ')) return 'diff-file';
  if (line.startsWith('@@')) return 'diff-hunk';
  if (line.startsWith('+')) return 'diff-add';
  if (line.startsWith('-')) return 'diff-del';
  return 'diff-context';
}

export function GitDiff({ diff, isTruncated }: { diff: string; isTruncated: boolean }) {
  const lines = useMemo(() => diff.replace(/\n$/, '').split('\n'), [diff]);
  return (
    <details className="git-diff">
      <summary>diff ({lines.length} lines{isTruncated ? ', truncated' : ''})</summary>
      <pre aria-label="git diff">
        {lines.map((line, i) => <div key={i} className={lineKind(line)}>{line || ' '}</div>)}
      </pre>
    </details>
  );
}
