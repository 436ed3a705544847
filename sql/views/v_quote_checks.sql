-- Did the speaker say these words, and who reported them differently?
-- Grain: one row per statement whose words other documents also report (a quote
-- group), checked against the group's best source (a transcript turn, then an
-- official readout, then a news quote). verdict: exact, truncated (part of a
-- sentence), altered (difference lists -source and +report words), paraphrased
-- (reported speech or looser words), misattributed (same words, another speaker).
-- The best source itself is exact, with best_statement_id its own id.
with checks as (
    select * from quote_checks
),

src_statements as (
    select * from statements
),

src_persons as (
    select id, canonical_name from persons
),

src_documents as (
    select id, name from documents
),

final as (
    select
        checks.statement_id,
        checks.group_id,
        checks.verdict,
        checks.best_statement_id,
        checks.difference,
        checks.similarity,
        reported.meeting_id,
        speaker.canonical_name as speaker_name,
        reported_in.name as document_name,
        reported.text,
        best_speaker.canonical_name as best_speaker_name,
        best_in.name as best_document_name
    from checks
    inner join src_statements as reported on reported.id = checks.statement_id
    inner join src_statements as best on best.id = checks.best_statement_id
    inner join src_documents as reported_in on reported_in.id = reported.document_id
    inner join src_documents as best_in on best_in.id = best.document_id
    left join src_persons as speaker on speaker.id = reported.speaker_id
    left join src_persons as best_speaker on best_speaker.id = best.speaker_id
)

select * from final
