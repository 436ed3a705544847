-- Rule: every meeting is reported by at least one document (no orphan meeting).
-- Grain: one row per meeting without a mention.
with src_meetings as (
    select id, title, start_date from meetings
),

mentions as (
    select distinct meeting_id from meeting_mentions
),

final as (
    select src_meetings.id, src_meetings.title, src_meetings.start_date
    from src_meetings
    left join mentions on mentions.meeting_id = src_meetings.id
    where mentions.meeting_id is null
)

select * from final
order by id
