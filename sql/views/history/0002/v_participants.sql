-- Who took part in each meeting, with the title they held at the time of the meeting?
-- Grain: one row per meeting and person (evidence from several documents collapsed).
with participants as (
    select * from meeting_participants
),

src_persons as (
    select * from persons
),

per_person as (
    select
        meeting_id,
        person_id,
        max(title) as title,
        max(side) as side,
        count(distinct document_id) as source_count
    from participants
    group by meeting_id, person_id
),

final as (
    select
        per_person.meeting_id,
        per_person.person_id,
        src_persons.canonical_name as person_name,
        src_persons.country,
        per_person.title,
        per_person.side,
        per_person.source_count
    from per_person
    inner join src_persons on src_persons.id = per_person.person_id
)

select * from final
