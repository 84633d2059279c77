import { useParams } from 'react-router';
import { RequireSignIn } from '../account/RequireSignIn';
import { LessonReader } from '../learning/reader/LessonReader';
import '../learning/learning.css';
import '../learning/reader/reader.css';

/** The lesson reader at /learn/:slug/:activityId. */
export default function LessonPage() {
  const { slug = '', activityId = '' } = useParams();
  // A new key per activity: "Next" starts a fresh reader (focus, position, completion) for it.
  return (
    <RequireSignIn>
      <LessonReader key={`${slug}/${activityId}`} slug={slug} activityId={activityId} />
    </RequireSignIn>
  );
}
