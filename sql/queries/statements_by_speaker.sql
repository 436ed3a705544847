-- What did each person say, in which document, and at which meeting?
-- Grain: one row per attributed statement (speaker known), in document order.
-- Order: speaker name; statements without a named speaker come last (nulls last).
with statements as (
    select * from v_statements
),

meetings as (
    select meeting_id, start_date, city from v_meetings
),

final as (
    select
        statements.speaker_name,
        statements.kind,
        meetings.start_date as meeting_date,
        meetings.city as meeting_city,
        statements.via_interpreter,
        statements.language,
        statements.document_name,
        statements.char_start,
        statements.text
    from statements
    left join meetings on meetings.meeting_id = statements.meeting_id
    where statements.speaker_id is not null
)

select * from final
order by speaker_name nulls last, document_name, char_start
