"""Running totals of pairs of answers given together, so results for a cross-break and the committee's
small-group checks add up a small table instead of reading every answer; a question's comments indexed
newest first

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

#: Written out here (as participation.respond.tallies.pair_counts) so this step never changes with the code.
APART = "SELECT id FROM questions WHERE kind IN ('multiple', 'text')"
GIVEN = ("SELECT response_id, question_id, choice FROM answers WHERE choice IS NOT NULL "
         f"UNION ALL SELECT DISTINCT response_id, question_id, '' FROM answers WHERE question_id IN ({APART})")


def upgrade():
    op.create_table('answer_pair_tallies',
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('by_question_id', sa.Integer(), nullable=False),
    sa.Column('by_choice', sa.String(length=60), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('choice', sa.String(length=60), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['by_question_id'], ['questions.id'], name=op.f('fk_answer_pair_tallies_by_question_id_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_answer_pair_tallies_question_id_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_answer_pair_tallies_survey_id_surveys'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('survey_id', 'by_question_id', 'by_choice', 'day', 'question_id', 'choice', name=op.f('pk_answer_pair_tallies'))
    )
    op.create_index('ix_comment_analyses_question_day', 'comment_analyses', ['question_id', 'submitted_on', 'answer_id'])
    # Count what is already stored, so results agree with the answers from the start.
    op.execute("INSERT INTO answer_pair_tallies (survey_id, by_question_id, by_choice, day, question_id, choice, count) "
               "SELECT r.survey_id, b.question_id, b.choice, r.submitted_on, g.question_id, g.choice, count(*) "
               f"FROM responses r JOIN answers b ON b.response_id = r.id JOIN ({GIVEN}) g ON g.response_id = r.id "
               "WHERE b.choice IS NOT NULL "
               "GROUP BY r.survey_id, b.question_id, b.choice, r.submitted_on, g.question_id, g.choice")
    op.execute("INSERT INTO answer_pair_tallies (survey_id, by_question_id, by_choice, day, question_id, choice, count) "
               "SELECT r.survey_id, a.question_id, '', r.submitted_on, a.question_id, '', count(DISTINCT a.response_id) "
               f"FROM answers a JOIN responses r ON r.id = a.response_id WHERE a.question_id IN ({APART}) "
               "GROUP BY r.survey_id, a.question_id, r.submitted_on")


def downgrade():
    op.drop_index('ix_comment_analyses_question_day', table_name='comment_analyses')
    op.drop_table('answer_pair_tallies')
