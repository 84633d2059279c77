import { useParams } from 'react-router';
import { useSession } from '@archipelago/ui';
import { RequireSignIn } from '../account/RequireSignIn';
import { AttemptScreen } from '../quizzes/AttemptScreen';
import '../learning/learning.css';
import '../learning/reader/reader.css';

/** A quiz attempt at /learn/:slug/:activityId/attempts/:attemptId. */
export default function QuizAttemptPage() {
  const { slug = '', activityId = '', attemptId = '' } = useParams();
  const { state } = useSession();
  if (state.status === 'signed-out' || state.status === 'unknown')
    return <RequireSignIn>{null}</RequireSignIn>;
  return <AttemptScreen key={attemptId} slug={slug} activityId={activityId} attemptId={attemptId} />;
}
