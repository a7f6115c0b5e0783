import 'server-only';

// Loaded by instrumentation.ts before the job runner starts: each feature that runs background
// jobs (imports, exports, image processing) imports its handler module here, and that module
// calls registerJobHandler (lib/jobs) as it loads. A runner claims only job types registered in
// its own process, so an instance never takes work it has no handler for.
import '@/lib/import/job/handler';
import '@/lib/export/job';
import '@/lib/media/upload-job';
