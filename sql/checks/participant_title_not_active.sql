-- Rule: a participant's title is a role the person held on the meeting date (a
-- title of several roles joins them with '; ', and each must be held).
-- Grain: one row per participant row whose title the dated roles do not support.
-- Only meetings with a date and persons with known roles can be checked.
with src_participants as (
    select * from meeting_participants
),

src_meetings as (
    select id, start_date from meetings
),

src_roles as (
    select * from person_roles
),

checkable as (
    select
        src_participants.id,
        src_participants.meeting_id,
        src_participants.person_id,
        src_participants.title,
        src_meetings.start_date,
        (length(src_participants.title) - length(replace(src_participants.title, '; ', '')))
        / 2 + 1 as title_parts
    from src_participants
    inner join src_meetings on src_meetings.id = src_participants.meeting_id
    where src_participants.title is not null
        and src_meetings.start_date is not null
        and exists (
            select 1 from src_roles where src_roles.person_id = src_participants.person_id
        )
),

held as (
    select
        checkable.id,
        checkable.title_parts,
        count(distinct lower(src_roles.title)) as held_parts
    from checkable
    inner join src_roles
        on src_roles.person_id = checkable.person_id
        and '; ' || lower(checkable.title) || '; ' like '%; ' || lower(src_roles.title) || '; %'
        and (src_roles.valid_from is null or src_roles.valid_from <= checkable.start_date)
        and (src_roles.valid_to is null or src_roles.valid_to >= checkable.start_date)
    group by checkable.id, checkable.title_parts
),

supported as (
    select id from held where held_parts >= title_parts
),

final as (
    select
        checkable.id,
        checkable.meeting_id,
        checkable.person_id,
        checkable.title,
        checkable.start_date
    from checkable
    where checkable.id not in (select id from supported)
)

select * from final
order by meeting_id, person_id
