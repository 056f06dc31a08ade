-- Project roles (issue 10, docs/decisions/022-project-roles.md): an owner becomes a manager, who now
-- holds the project's management permissions without being a site admin; a researcher member
-- becomes an analyst (reads results, exports); adjudicators record consensus.
ALTER TYPE "ProjectRole" RENAME VALUE 'OWNER' TO 'MANAGER';
ALTER TYPE "ProjectRole" RENAME VALUE 'RESEARCHER' TO 'ANALYST';
ALTER TYPE "ProjectRole" ADD VALUE 'ADJUDICATOR' AFTER 'REVIEWER';
