import { api, unwrap } from '../../shared/api';

type ClubPage = Awaited<ReturnType<typeof fetchPage>>;

function fetchPage(cursor: string | undefined) {
  return api.GET('/api/v1/admin/clubs', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }).then(unwrap);
}

/**
 * Every club, page after page (the list is cursor-paged by 100): the club list and the campaign audience picker
 * must offer all of them, not the first page only.
 */
export async function fetchAllClubs(): Promise<{ clubs: ClubPage['clubs']; nextCursor: null }> {
  const clubs: ClubPage['clubs'] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await fetchPage(cursor);
    clubs.push(...page.clubs);
    if (!page.nextCursor) {
      break;
    }
    cursor = page.nextCursor;
  }
  return { clubs, nextCursor: null };
}
