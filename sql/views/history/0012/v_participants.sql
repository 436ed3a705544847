-- Who took part in each meeting, with their title at the time of the meeting?
-- Grain: one row per meeting and person (evidence from several documents collapsed).
-- title: as the documents write it ("Defense Secretary"), followed by the role on
-- record for the meeting date when that says more ("Defense Secretary; Secretary
-- of Defense"); the role alone when no document gives a title. A written title
-- that is the role up to its dots ("US Trade Representative") shows as written.
-- role_title: the titles of the roles held (participant_roles), each once, in the
-- order the roles were recorded, joined with '; '.
with recursive participants as (
    select * from meeting_participants
),

src_persons as (
    select * from persons
),

src_participant_roles as (
    select * from participant_roles
),

src_roles as (
    select * from person_roles
),

held as (
    -- each title a participant row holds, once, at its first role's place
    select
        src_participant_roles.participant_id,
        src_roles.title,
        min(src_roles.id) as first_role_id
    from src_participant_roles
    inner join src_roles on src_roles.id = src_participant_roles.role_id
    group by src_participant_roles.participant_id, src_roles.title
),

ranked as (
    select
        participant_id,
        title,
        row_number() over (partition by participant_id order by first_role_id) as position,
        count(*) over (partition by participant_id) as held_count
    from held
),

joined (participant_id, position, held_count, titles) as (
    select participant_id, position, held_count, cast(title as text)
    from ranked
    where position = 1
    union all
    select
        joined.participant_id,
        ranked.position,
        joined.held_count,
        joined.titles || '; ' || ranked.title
    from joined
    inner join ranked
        on ranked.participant_id = joined.participant_id
        and ranked.position = joined.position + 1
),

role_titles as (
    select participant_id, titles as role_title
    from joined
    where position = held_count
),

per_person as (
    select
        participants.meeting_id,
        participants.person_id,
        max(role_titles.role_title) as role_title,
        min(participants.title_as_written) as title_as_written,
        max(participants.side) as side,
        count(distinct participants.document_id) as source_count
    from participants
    left join role_titles on role_titles.participant_id = participants.id
    group by participants.meeting_id, participants.person_id
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
