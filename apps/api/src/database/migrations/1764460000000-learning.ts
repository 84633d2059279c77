import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learning: enrolments on a published version, progress per stable activity id, private reflection
 * answers, access requests for courses by invitation, and the domain events other modules (the
 * certificates) listen to.
 *
 * Published activity content moves out of the version snapshot into course_version_activity, so
 * that reading the outline (every learner request) no longer loads every lesson of the course, and
 * reading one lesson loads only that lesson. The courses module publishes `course_version_outline`
 * as its read model for the learning module, as accounts does with account_principal.
 */
export class Learning1764460000000 implements MigrationInterface {
  name = 'Learning1764460000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE course_version_activity (
        version_id uuid NOT NULL REFERENCES course_version (id) ON DELETE CASCADE,
        activity_id uuid NOT NULL,
        kind text NOT NULL,
        content jsonb NOT NULL,
        PRIMARY KEY (version_id, activity_id)
      )`);
    await db.query(`
      INSERT INTO course_version_activity (version_id, activity_id, kind, content)
      SELECT v.id, (a ->> 'id')::uuid, a ->> 'kind', COALESCE(a -> 'content', '{}'::jsonb) - 'html'
        FROM course_version v,
             jsonb_array_elements(v.snapshot -> 'modules') m,
             jsonb_array_elements(m -> 'activities') a`);
    await db.query(`
      UPDATE course_version v
         SET snapshot = jsonb_set(v.snapshot, '{modules}', COALESCE((
               SELECT jsonb_agg(jsonb_set(m, '{activities}', COALESCE((
                        SELECT jsonb_agg(a - 'content' ORDER BY ai)
                          FROM jsonb_array_elements(m -> 'activities') WITH ORDINALITY AS x(a, ai)), '[]'::jsonb))
                        ORDER BY mi)
                 FROM jsonb_array_elements(v.snapshot -> 'modules') WITH ORDINALITY AS y(m, mi)), '[]'::jsonb))`);

    await db.query(`
      CREATE VIEW course_version_outline AS
      SELECT v.id AS version_id, v.course_id, c.slug, v.number, c.status AS course_status,
             c.institution_id, v.published_at
        FROM course_version v JOIN course c ON c.id = v.course_id`);

    await db.query(`
      CREATE TABLE enrolment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES course_version (id),
        source text NOT NULL CHECK (source IN ('open', 'request', 'cohort', 'staff')),
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        last_activity_id uuid,
        last_visited_at timestamptz,
        CONSTRAINT enrolment_once_per_course UNIQUE (user_id, course_id)
      )`);
    await db.query(`CREATE INDEX enrolment_course_idx ON enrolment (course_id, enrolled_at)`);

    await db.query(`
      CREATE TABLE activity_progress (
        enrolment_id uuid NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
        activity_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('started', 'completed')),
        position jsonb,
        position_at timestamptz,
        first_viewed_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrolment_id, activity_id),
        CHECK ((status = 'completed') = (completed_at IS NOT NULL))
      )`);

    await db.query(`
      CREATE TABLE reflection_answer (
        enrolment_id uuid NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
        reflection_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        answer text NOT NULL CHECK (length(answer) <= 10000),
        written_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrolment_id, reflection_id)
      )`);

    await db.query(`
      CREATE TABLE access_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        decided_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        CHECK ((status = 'pending') = (decided_at IS NULL))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX access_request_one_pending ON access_request (course_id, user_id) WHERE status = 'pending'`,
    );

    await db.query(`
      CREATE TABLE domain_event (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        subject_id uuid NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX domain_event_type_idx ON domain_event (type, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE domain_event`);
    await db.query(`DROP TABLE access_request`);
    await db.query(`DROP TABLE reflection_answer`);
    await db.query(`DROP TABLE activity_progress`);
    await db.query(`DROP TABLE enrolment`);
    await db.query(`DROP VIEW course_version_outline`);
    await db.query(`
      UPDATE course_version v
         SET snapshot = jsonb_set(v.snapshot, '{modules}', COALESCE((
               SELECT jsonb_agg(jsonb_set(m, '{activities}', COALESCE((
                        SELECT jsonb_agg(a || jsonb_build_object('content', COALESCE((
                                 SELECT content FROM course_version_activity cva
                                  WHERE cva.version_id = v.id AND cva.activity_id = (a ->> 'id')::uuid), '{}'::jsonb))
                               ORDER BY ai)
                          FROM jsonb_array_elements(m -> 'activities') WITH ORDINALITY AS x(a, ai)), '[]'::jsonb))
                        ORDER BY mi)
                 FROM jsonb_array_elements(v.snapshot -> 'modules') WITH ORDINALITY AS y(m, mi)), '[]'::jsonb))`);
    await db.query(`DROP TABLE course_version_activity`);
  }
}
