-- Who took part in each meeting, with their title at the time of the meeting?
-- Grain: one row per meeting and person (evidence from several documents collapsed).
-- title: as the documents write it ("Defense Secretary"), followed by the role on
-- record for the meeting date when that says more ("Defense Secretary; Secretary
-- of Defense"); the role alone when no document gives a title. A written title
-- that is the role up to its dots ("US Trade Representative") shows as written.
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
        max(title) as role_title,
        min(title_as_written) as title_as_written,
        max(side) as side,
        count(distinct document_id) as source_count
    from participants
    group by meeting_id, person_id
),

titled as (
    select
        per_person.*,
        case
            when title_as_written is null then role_title
            when role_title is null then title_as_written
            when replace(lower(role_title), '.', '') = replace(lower(title_as_written), '.', '')
                then title_as_written
            when lower(role_title) like '%' || lower(title_as_written) || '%' then role_title
            else title_as_written || '; ' || role_title
        end as title
    from per_person
),

final as (
    select
        titled.meeting_id,
        titled.person_id,
        src_persons.canonical_name as person_name,
        src_persons.country,
        titled.title,
        titled.title_as_written,
        titled.role_title,
        titled.side,
        titled.source_count
    from titled
    inner join src_persons on src_persons.id = titled.person_id
)

select * from final
