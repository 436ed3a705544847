-- Which meetings did a person take part in, and with what title?
-- Grain: one row per meeting of the person, earliest first (undated last).
-- params: person (name)
-- person: the canonical name or any alias on record (any script or letter case),
-- e.g. Wang Yi or 王毅.
with src_meetings as (
    select * from v_meetings
),

src_participants as (
    select * from v_participants
),

src_aliases as (
    select * from person_aliases
),

chosen as (
    select distinct person_id
    from src_aliases
    where normalized = :person
),

final as (
    select
        src_meetings.meeting_id,
        src_meetings.start_date,
        src_meetings.end_date,
        src_meetings.kind,
        src_meetings.status,
        src_meetings.city,
        src_meetings.country,
        src_participants.person_name,
        src_participants.title,
        src_meetings.title as meeting
    from src_participants
    inner join chosen on chosen.person_id = src_participants.person_id
    inner join src_meetings on src_meetings.meeting_id = src_participants.meeting_id
)

select * from final
order by start_date nulls last, meeting_id
