#!/usr/bin/env bash
# A walk-through of Bloomery's API with curl, reading the answers with jq. Run it, or read it and
# type along:
#
#   BLOOMERY_URL=http://localhost:3000 BLOOMERY_API_KEY=blm_… bash examples/curl.sh [material.txt] [quiz.json]
#
# Make the key in Settings → API keys. The full reference is at $BLOOMERY_URL/docs/api.
set -euo pipefail
: "${BLOOMERY_URL:=http://localhost:3000}"
: "${BLOOMERY_API_KEY:?Set BLOOMERY_API_KEY to a key from Settings → API keys}"
material=${1:-}
out=${2:-quiz.json}
auth=(-H "Authorization: Bearer $BLOOMERY_API_KEY")

if [ -z "$material" ]; then
  material=$(mktemp)
  trap 'rm -f "$material"' EXIT
  cat >"$material" <<'TEXT'
Photosynthesis is the process by which green plants make their own food. It takes place mainly in
the leaves, inside small structures called chloroplasts. Chlorophyll, the green pigment in
chloroplasts, absorbs light energy from the sun. The plant uses this energy to turn carbon dioxide
from the air and water from the soil into glucose. Oxygen is released into the air as a by-product.
Because plants need light for photosynthesis, a plant kept in the dark for many days cannot make
glucose and slowly weakens.
TEXT
fi

# 1. Start a job: the text and how many questions of each Bloom level. The answer is 202 with the
#    job's id. The Idempotency-Key makes a retry of this very request safe: resend it with the same
#    key and you get the same job back instead of a second one. (To be told when the job ends
#    instead of asking, add "callback_url": "https://your.server/hook" to the body; Bloomery then
#    POSTs the final status there, signed in the Bloomery-Signature header.)
key=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)
request=$(jq -n --rawfile text "$material" '{text: $text, title: "Photosynthesis", blooms: "3 remember, 2 understand, 1 apply"}')
job_id=$(curl -sS --fail-with-body "${auth[@]}" -H "Content-Type: application/json" -H "Idempotency-Key: $key" \
  --data-binary "$request" "$BLOOMERY_URL/api/generate" | jq -r .job_id)
echo "job $job_id queued"

# 2. Wait: ask every two seconds until the job is finished or failed. A result is kept for a day,
#    then the job reads {"status": null}.
while :; do
  job=$(curl -sS --fail-with-body "$BLOOMERY_URL/api/job_status?job_id=$job_id")
  case $(jq -r .status <<<"$job") in
    finished) break ;;
    failed) echo "the job failed: $(jq -r .error <<<"$job")" >&2; exit 1 ;;
    null) echo "the job is gone" >&2; exit 1 ;;
  esac
  sleep 2
done

# 3. Save it to your account (saving the same job twice returns the same assessment)…
saved=$(curl -sS --fail-with-body "${auth[@]}" -H "Content-Type: application/json" \
  --data-binary "{\"job_id\": \"$job_id\", \"title\": \"Photosynthesis\"}" "$BLOOMERY_URL/api/assessments")

# 4. …and keep a copy of the questions.
jq --argjson saved "$saved" --arg job_id "$job_id" '{assessment_id: $saved.id, job_id: $job_id, mcqs: .result.mcqs}' <<<"$job" >"$out"
echo "saved $(jq '.mcqs | length' "$out") questions as assessment $(jq .id <<<"$saved") and in $out"

# 5. Download it for Moodle (GIFT), or any other format listed in the reference.
curl -sS --fail-with-body "${auth[@]}" -o "${out%.json}.gift" "$BLOOMERY_URL/api/assessments/$(jq .id <<<"$saved")/export?format=gift"
echo "GIFT file in ${out%.json}.gift"
