/** Which content file a Markdown render is for, from its path: question files carry their id in their name. */
export type ContentFile = { kind: 'question'; id: string } | { kind: 'section'; id: string } | { kind: 'other'; id: string };

export function contentFileOf(path: string | undefined): ContentFile {
  const match = /[\\/](questions|sections)[\\/]([^\\/]+)\.md$/.exec(path ?? '');
  if (!match?.[2]) return { kind: 'other', id: 'page' };
  return match[1] === 'questions' ? { kind: 'question', id: match[2] } : { kind: 'section', id: `section-${match[2]}` };
}
