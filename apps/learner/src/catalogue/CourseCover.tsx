import './course-cover.css';

/**
 * The course's cover image with the description its authors wrote. Without a description the
 * image is treated as decorative (empty alt) rather than read out as a file name.
 */
export function CourseCover({ course }: { course: { coverUrl: string | null; coverAlt: string | null } }) {
  if (!course.coverUrl) return null;
  return <img className="course-cover" src={course.coverUrl} alt={course.coverAlt ?? ''} decoding="async" />;
}
