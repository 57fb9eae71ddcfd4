import { FoundationSchema1764000000000 } from './1764000000000-foundation-schema';
import { CollabDocuments1764100000000 } from './1764100000000-collab-documents';
import { Boards1764100000001 } from './1764100000001-boards';
import { ModelDescriptions1764200000000 } from './1764200000000-model-descriptions';
import { ModelSearchRanking1764200000001 } from './1764200000001-model-search-ranking';
import { BoardsAndWorkshops1764300000000 } from './1764300000000-boards-and-workshops';
import { CommentsAndNotifications1764400000000 } from './1764400000000-comments-and-notifications';
import { Materials1764500000000 } from './1764500000000-materials';
import { Progress1764600000000 } from './1764600000000-progress';
import { ProgressReports1764600000001 } from './1764600000001-progress-reports';
import { ProgressIndicators1764600000002 } from './1764600000002-progress-indicators';
import { ExpertEngagements1764600000003 } from './1764600000003-expert-engagements';

/** Every migration in order. Listed explicitly so the webpack bundle carries them. */
export const MIGRATIONS = [FoundationSchema1764000000000, CollabDocuments1764100000000, Boards1764100000001, ModelDescriptions1764200000000, ModelSearchRanking1764200000001, BoardsAndWorkshops1764300000000, CommentsAndNotifications1764400000000, Materials1764500000000, Progress1764600000000, ProgressReports1764600000001, ProgressIndicators1764600000002, ExpertEngagements1764600000003];
