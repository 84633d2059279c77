import { useParams } from 'react-router';
import { useSession } from '@archipelago/ui';
import { RequireSignIn } from '../account/RequireSignIn';
import { LessonReader } from '../learning/reader/LessonReader';
import '../learning/learning.css';
import '../learning/reader/reader.css';

/** The lesson reader at /learn/:slug/:activityId. */
export default function LessonPage() {
  const { slug = '', activityId = '' } = useParams();
  const { state } = useSession();
  // The lesson is fetched while the session is still being read (one round trip less on a slow
  // connection); anyone not signed in is sent to sign in, as on the other learning pages.
  if (state.status === 'signed-out' || state.status === 'unknown')
    return <RequireSignIn>{null}</RequireSignIn>;
  // A new key per activity: "Next" starts a fresh reader (focus, position, completion) for it.
  return <LessonReader key={`${slug}/${activityId}`} slug={slug} activityId={activityId} />;
}
