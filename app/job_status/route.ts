// GET /job_status?job_id=… – EduMate's path for the same status, kept for its clients
export { GET } from "../api/job_status/route";

export const dynamic = "force-dynamic";
