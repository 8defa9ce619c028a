/**
 * What `npm run import` says after a student's notes joined a course: which of their questions it
 * matched with questions already there (with how sure it is and why), which it could not decide
 * and how to settle them in course.md, and where the rest went.
 */
import type { GroupedCourse } from './group.ts';

const percent = (value: number): string => `${Math.round(value * 100)} %`;

const REASONS = {
  settled: 'settled in course.md',
  'paper and label': 'same paper and label',
  statement: 'alike statements',
  answers: 'alike answers, same paper',
};

const PLACEMENTS = {
  'same name': 'section of the same name',
  paper: "where its paper's other questions are",
  'own section': 'a section of its own',
};

export function describeGrouping(
  grouping: Pick<GroupedCourse<unknown, unknown>, 'matching' | 'credits'>,
  sectionTitles: ReadonlyMap<number, string>,
  author: string,
  courseFile: string,
): string[] {
  const { matches, undecided, placed } = grouping.matching;
  const mine = (ref: string): boolean => ref.startsWith(`${author}/`);
  const lines: string[] = [];
  const matched = matches.filter((match) => mine(match.ref));
  lines.push(`Matched ${matched.length} of ${author}'s questions with the course's:`);
  for (const match of matched) lines.push(`  ${match.ref} = ${match.into} (${REASONS[match.reason]}, ${percent(match.confidence)} sure)`);
  const open = undecided.filter((entry) => mine(entry.ref));
  if (open.length > 0) {
    lines.push(`Not sure (${open.length}): settle each in ${courseFile}, as same: [[a, b]] or different: [[a, b]]:`);
    for (const entry of open)
      lines.push(
        `  ${entry.ref} may be ${entry.candidates.map((candidate) => `${candidate.ref} (${percent(candidate.score)})`).join(' or ')}`,
      );
  }
  const own = placed.filter((entry) => mine(entry.ref) && entry.placement !== 'matched');
  if (own.length > 0) {
    lines.push(`Only in ${author}'s notes (${own.length}):`);
    for (const entry of own)
      lines.push(
        `  ${entry.ref} → s${entry.section} ${sectionTitles.get(entry.section) ?? ''} (${PLACEMENTS[entry.placement as keyof typeof PLACEMENTS]})`,
      );
  }
  lines.push(
    `Authors: ${grouping.credits.map((credit) => `${credit.author.name} ${credit.answered}/${credit.questions} answered`).join(' · ')}`,
  );
  return lines;
}
