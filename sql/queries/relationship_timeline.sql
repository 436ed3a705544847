-- When did two persons meet: the timeline of their relationship?
-- Grain: one row per meeting both took part in, earliest first (undated last).
-- params: person (name), other (name)
-- person, other: canonical names or any alias on record (any script or letter case).
with src_meetings as (
    select * from v_meetings
),

src_participants as (
    select * from v_participants
),

src_aliases as (
    select * from person_aliases
),

first_person as (
    select distinct person_id
    from src_aliases
    where normalized = :person
),

second_person as (
    select distinct person_id
    from src_aliases
    where normalized = :other
),

both_there as (
    select distinct first_side.meeting_id
    from src_participants as first_side
    inner join first_person on first_person.person_id = first_side.person_id
    inner join src_participants as second_side
        on second_side.meeting_id = first_side.meeting_id
    inner join second_person on second_person.person_id = second_side.person_id
    where second_side.person_id <> first_side.person_id
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
        src_meetings.title,
        src_meetings.source_count
    from src_meetings
    inner join both_there on both_there.meeting_id = src_meetings.meeting_id
)

select * from final
order by start_date nulls last, meeting_id
