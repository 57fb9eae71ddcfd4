import type { EntityManager } from 'typeorm';

/**
 * A demo discussion on a project model: an experience expert's comment (with the badge), a
 * developer's reply and what was done with it, and the expert's unread notification of it, so
 * "you said, we did" and the inbox have content.
 */
export async function seedDemoComments(
  manager: EntityManager,
  input: { spaceId: string; modelId: string; expert: string; developer: string },
): Promise<void> {
  const [thread]: { id: string }[] = await manager.query(
    `INSERT INTO comment_threads (space_id, target_kind, target_id, target_part, created_by)
     VALUES ($1, 'model', $2, 'section:targetGroup', $3) RETURNING id`,
    [input.spaceId, input.modelId, input.expert],
  );
  const [comment]: { id: string }[] = await manager.query(
    `INSERT INTO comments (thread_id, author_id, body, expert_badge, visibility, created_at)
     VALUES ($1, $2, $3, true, 'space', now() - interval '2 days') RETURNING id`,
    [
      thread.id,
      input.expert,
      'Kun itse olin asiakkaana, tärkeintä oli, että sama työntekijä pysyi mukana. Voisiko tämä näkyä kohderyhmän kuvauksessa?',
    ],
  );
  await manager.query(
    `INSERT INTO comments (thread_id, author_id, body, visibility, created_at) VALUES ($1, $2, $3, 'space', now() - interval '1 day')`,
    [thread.id, input.developer, 'Kiitos! Lisäämme kuvaukseen työntekijän pysyvyyden **tärkeänä ehtona**.'],
  );
  await manager.query(
    `UPDATE comments SET outcome = 'accepted', outcome_reason = $2, outcome_by = $3, outcome_at = now() - interval '1 day' WHERE id = $1`,
    [comment.id, 'Lisätty kohderyhmän kuvaukseen.', input.developer],
  );
  // The expert's inbox starts with this news unread.
  await manager.query(`INSERT INTO notifications (user_id, kind, thread_id, comment_id, actor_id) VALUES ($1, 'outcome', $2, $3, $4)`, [
    input.expert,
    thread.id,
    comment.id,
    input.developer,
  ]);
}
