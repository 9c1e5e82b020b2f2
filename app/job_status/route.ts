// GET /job_status?job_id=… – EduMate's path for the same status, kept for its clients
export { GET, dynamic } from "../api/job_status/route";
