/** The one database instance the app uses. */
import { DoseWatchDatabase } from '$lib/db/database';

export const db = new DoseWatchDatabase();
