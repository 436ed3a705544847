-- Who took part in each meeting, with their title at the time of the meeting?
-- Grain: one row per meeting and person (evidence from several documents collapsed).
-- title: as the documents write it ("Defense Secretary"), followed by the role on
-- record for the meeting date when that says more ("Defense Secretary; Secretary
-- of Defense"); the role alone when no document gives a title. A written title
-- that is the role up to its dots ("US Trade Representative") shows as written.
-- role_title: the titles of the roles held (participant_roles), each once, in the
-- order the roles were recorded, joined with '; '.
-- confidence: how likely the person took part (0-1, from the evidence; null until
-- the end of the run that wrote the sources).
-- Where sources differ, each column takes what most sources give (a written title:
-- a capitalised one first), ties broken alphabetically: never the load order.
with recursive participants as (
    select * from meeting_participants
),

src_persons as (
    select * from persons
),

src_people as (
    select * from meeting_people
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

written_choice as (
    -- the written title most sources give, a capitalised one first (a title, not
    -- a description), then alphabetical: a rule, whatever the load order
    select
        meeting_id,
        person_id,
        title_as_written,
        row_number() over (
            partition by meeting_id, person_id
            order by
                case
                    when substr(title_as_written, 1, 1) <> lower(substr(title_as_written, 1, 1))
                        then 0
                    else 1
                end,
                count(*) desc,
                title_as_written
        ) as choice
    from participants
    where title_as_written is not null
    group by meeting_id, person_id, title_as_written
),

role_choice as (
    -- the roles most sources' rows hold, then alphabetical
    select
        participants.meeting_id,
        participants.person_id,
        role_titles.role_title,
        row_number() over (
            partition by participants.meeting_id, participants.person_id
            order by count(*) desc, role_titles.role_title
        ) as choice
    from participants
    inner join role_titles on role_titles.participant_id = participants.id
    group by participants.meeting_id, participants.person_id, role_titles.role_title
),

side_choice as (
    -- the side most sources give, then alphabetical
    select
        meeting_id,
        person_id,
        side,
        row_number() over (
            partition by meeting_id, person_id order by count(*) desc, side
        ) as choice
    from participants
    where side is not null
    group by meeting_id, person_id, side
),

sources as (
    select meeting_id, person_id, count(distinct document_id) as source_count
    from participants
    group by meeting_id, person_id
),

per_person as (
    select
        sources.meeting_id,
        sources.person_id,
        role_choice.role_title,
        written_choice.title_as_written,
        side_choice.side,
        sources.source_count
    from sources
    left join role_choice
        on role_choice.meeting_id = sources.meeting_id
        and role_choice.person_id = sources.person_id
        and role_choice.choice = 1
    left join written_choice
        on written_choice.meeting_id = sources.meeting_id
        and written_choice.person_id = sources.person_id
        and written_choice.choice = 1
    left join side_choice
        on side_choice.meeting_id = sources.meeting_id
        and side_choice.person_id = sources.person_id
        and side_choice.choice = 1
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
        titled.source_count,
        src_people.confidence
    from titled
    inner join src_persons on src_persons.id = titled.person_id
    left join src_people
        on src_people.meeting_id = titled.meeting_id
        and src_people.person_id = titled.person_id
)

select * from final
