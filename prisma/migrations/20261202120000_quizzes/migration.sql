-- CreateEnum
CREATE TYPE "QuizReviewPolicy" AS ENUM ('after_submit', 'after_date', 'never');

-- CreateTable
CREATE TABLE "quizzes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assessment_id" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "is_published" BOOLEAN NOT NULL,
    "shuffle_questions" BOOLEAN NOT NULL DEFAULT false,
    "shuffle_options" BOOLEAN NOT NULL DEFAULT false,
    "review_policy" "QuizReviewPolicy" NOT NULL DEFAULT 'after_submit',
    "review_at" TIMESTAMPTZ(3),
    "allows_retakes" BOOLEAN NOT NULL DEFAULT false,
    "closes_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "quizzes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "quiz_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quiz_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_attempts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "quiz_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "taker_key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "question_order" JSONB NOT NULL,
    "option_orders" JSONB NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),
    "score" INTEGER,

    CONSTRAINT "quiz_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_answers" (
    "attempt_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "option_index" INTEGER NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quiz_answers_pkey" PRIMARY KEY ("attempt_id","question_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "quizzes_assessment_id_key" ON "quizzes"("assessment_id");

-- CreateIndex
CREATE UNIQUE INDEX "quizzes_token_key" ON "quizzes"("token");

-- CreateIndex
CREATE UNIQUE INDEX "quizzes_code_key" ON "quizzes"("code");

-- CreateIndex
CREATE UNIQUE INDEX "quiz_versions_quiz_id_version_key" ON "quiz_versions"("quiz_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "quiz_attempts_token_key" ON "quiz_attempts"("token");

-- CreateIndex
CREATE INDEX "quiz_attempts_quiz_id_taker_key_idx" ON "quiz_attempts"("quiz_id", "taker_key");

-- CreateIndex
CREATE INDEX "quiz_attempts_version_id_started_at_idx" ON "quiz_attempts"("version_id", "started_at");

-- AddForeignKey
ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_versions" ADD CONSTRAINT "quiz_versions_quiz_id_fkey" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_quiz_id_fkey" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "quiz_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_answers" ADD CONSTRAINT "quiz_answers_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "quiz_attempts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
