import { useApiData } from '../../data/useApiData';
import { getQuizDraft } from '../quizzes-api';

/** The quiz's title and course for the results pages' breadcrumb; nothing while it loads. */
export function useQuizPlace(activityId: string) {
  const { state } = useApiData(`place:${activityId}`, (signal) => getQuizDraft(activityId, signal));
  return state.status === 'ready'
    ? { courseId: state.data.courseId, courseTitle: state.data.courseTitle, quizTitle: state.data.title }
    : {};
}
