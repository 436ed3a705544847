-- Rule: every meeting has at least one participant.
-- Grain: one row per meeting without participants.
with src_meetings as (
    select id, title, start_date from meetings
),

participants as (
    select distinct meeting_id from meeting_participants
),

final as (
    select src_meetings.id, src_meetings.title, src_meetings.start_date
    from src_meetings
    left join participants on participants.meeting_id = src_meetings.id
    where participants.meeting_id is null
)

select * from final
order by id
