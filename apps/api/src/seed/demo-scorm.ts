/** A SCORM package the seed adds to a shipped course, from @archipelago/content's scorm/ folder. */
export interface SeedScorm {
  courseSlug: string;
  /** The activity closes this module (its position, from 1), after the module's quiz if any. */
  module: number;
  title: string;
  /** A folder in @archipelago/content's scorm/. */
  package: string;
}

/**
 * The demo SCORM package of PRODUCT.md's journeys (a trainer previews it, a learner plays it,
 * leaves halfway and resumes): a SCORM 2004 guide and self-check on whether a service is ready to
 * go online, after the quiz on the dimensions of digital government.
 */
export const DEMO_SCORM_PACKAGES: SeedScorm[] = [
  {
    courseSlug: 'innovation-digital-government',
    module: 4,
    title: 'Is this service ready to go online?',
    package: 'digital-service-check',
  },
];
