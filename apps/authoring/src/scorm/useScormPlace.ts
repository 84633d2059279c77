import { useApiData } from '../data/useApiData';
import { getScormDraft } from './scorm-api';

/** The activity's title and course for the learners pages' breadcrumb; nothing while it loads. */
export function useScormPlace(activityId: string) {
  const { state } = useApiData(`place:${activityId}`, (signal) => getScormDraft(activityId, signal));
  return state.status === 'ready'
    ? {
        courseId: state.data.courseId,
        courseTitle: state.data.courseTitle,
        activityTitle: state.data.title,
      }
    : {};
}
