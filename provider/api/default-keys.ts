/**
 * The keys a new store starts with and clients present when given none: documented, so a
 * new user needs no setup, and refused on a server other machines can reach.
 */
export const DEFAULT_API_KEY = 'np_local_default_key';
export const DEFAULT_ADMIN_KEY = 'np_local_admin_key';
