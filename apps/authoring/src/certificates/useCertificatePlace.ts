import { api } from '../api';
import { useApiData } from '../data/useApiData';

/** What the certificate pages need of their course: its title, language and hours, and its institution. */
export interface CertificatePlace {
  courseId: string;
  courseTitle: string;
  language: 'en' | 'es' | 'fr';
  estimatedHours: number | null;
  institutionId: string;
  institutionName: string;
}

/** Loads the course, then the name of the institution that owns it (a public directory entry). */
export function useCertificatePlace(courseId: string) {
  return useApiData<CertificatePlace>(`place:${courseId}`, async (signal) => {
    const course = await api.GET('/api/studio/courses/{id}', { params: { path: { id: courseId } }, signal });
    if (!course.data) return { error: course.error, response: course.response };
    const institution = await api.GET('/api/institutions/{id}', {
      params: { path: { id: course.data.institutionId } },
      signal,
    });
    return {
      response: course.response,
      data: {
        courseId: course.data.id,
        courseTitle: course.data.title,
        language: course.data.language,
        estimatedHours: course.data.estimatedHours,
        institutionId: course.data.institutionId,
        // The name only fills the preview's {{institution}}: its absence is no reason to fail the page.
        institutionName: institution.data?.name ?? '',
      },
    };
  });
}
