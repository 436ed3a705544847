-- Which reported quotes differ from what the speaker said, and how?
-- Grain: one row per statement of a quote group that is not exact (altered,
-- truncated, paraphrased or misattributed), by meeting, then group.
-- difference: -words of the best source missing from the report, +words the report adds.
with checks as (
    select * from v_quote_checks
),

meetings as (
    select meeting_id, title as meeting, start_date from v_meetings
),

final as (
    select
        checks.meeting_id,
        meetings.meeting,
        meetings.start_date,
        checks.group_id,
        checks.verdict,
        checks.speaker_name,
        checks.best_speaker_name,
        checks.text,
        checks.difference,
        checks.document_name,
        checks.best_document_name
    from checks
    left join meetings on meetings.meeting_id = checks.meeting_id
    where checks.verdict <> 'exact'
)

select * from final
order by start_date nulls last, meeting_id, group_id, document_name, text
