/** Every URL the site links to, in one place: pages, question anchors and printed PDFs. */

/** URL segment of a section page: "s3". */
export function sectionSlug(number: number): string {
  return `s${number}`;
}

export const urls = {
  home: (): string => '/',
  course: (course: string): string => `/${course}/`,
  section: (course: string, section: number): string => `/${course}/${sectionSlug(section)}/`,
  paper: (course: string, paperSlug: string): string => `/${course}/papers/${paperSlug}/`,
  /** Where a question lives: its section page, at its anchor. */
  question: (course: string, section: number, id: string): string => `/${course}/${sectionSlug(section)}/#${id}`,
  /** The course's review queue: questions due again, by the spaced-repetition schedule. */
  review: (course: string): string => `/${course}/review/`,
  /** A question opened in Test-me mode, from the review queue. */
  testQuestion: (course: string, section: number, id: string): string => `/${course}/${sectionSlug(section)}/?test=1#${id}`,
  sectionPdf: (course: string, section: number): string => `/${course}/pdf/${sectionSlug(section)}.pdf`,
  paperPdf: (course: string, paperSlug: string): string => `/${course}/pdf/paper-${paperSlug}.pdf`,
};
