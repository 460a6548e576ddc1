"""A survey's words in other languages, each with the hash of the English it was translated from; a thank-you text

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 22:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'survey_text_translations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('survey_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=120), nullable=False),
        sa.Column('language', sa.String(length=10), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('source_hash', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_survey_text_translations_survey_id_surveys'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_text_translations')),
        sa.UniqueConstraint('survey_id', 'key', 'language', name=op.f('uq_survey_text_translations_survey_id')))
    with op.batch_alter_table('survey_text_translations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_text_translations_survey_id'), ['survey_id'], unique=False)
    with op.batch_alter_table('surveys', schema=None) as batch_op:
        batch_op.add_column(sa.Column('thanks', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('surveys', schema=None) as batch_op:
        batch_op.drop_column('thanks')
    with op.batch_alter_table('survey_text_translations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_text_translations_survey_id'))
    op.drop_table('survey_text_translations')
