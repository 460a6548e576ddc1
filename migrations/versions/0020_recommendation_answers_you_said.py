"""A recommendation or a plan's action can be linked to what young people said that it answers

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 19:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('you_said_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answers_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_you_said_items_answers_id_you_said_items'), 'you_said_items',
                                    ['answers_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('you_said_items', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_you_said_items_answers_id_you_said_items'), type_='foreignkey')
        batch_op.drop_column('answers_id')
