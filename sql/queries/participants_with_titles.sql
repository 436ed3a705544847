-- Who took part in each meeting, with the title held at the time of the meeting?
-- Grain: one row per meeting and participant.
-- Order: newest meeting first, meetings without a date last; within a meeting by
-- country (unknown last), then name.
with meetings as (
    select * from v_meetings
),

participants as (
    select * from v_participants
),

final as (
    select
        meetings.meeting_id,
        meetings.start_date,
        meetings.city,
        participants.person_name,
        participants.country,
        participants.title
    from participants
    inner join meetings on meetings.meeting_id = participants.meeting_id
)

select * from final
order by start_date desc nulls last, meeting_id, country nulls last, person_name
