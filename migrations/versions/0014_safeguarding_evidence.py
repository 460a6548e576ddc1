"""Safeguarding flags keep the words that raised them and how urgent their kind is

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 22:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

#: Kinds in order of urgency, and the reasons stored before them.
KINDS = ["suicidal-thoughts", "self-harm", "sexual-abuse", "sexual-exploitation", "physical-abuse", "domestic-abuse",
         "criminal-exploitation", "violence-threats", "homelessness", "going-missing", "neglect", "emotional-abuse",
         "substance-misuse", "radicalisation", "feeling-unsafe"]
OLD = {"suicide": "suicidal-thoughts", "abuse": "physical-abuse", "unsafe-at-home": "feeling-unsafe",
       "missing": "going-missing", "exploitation": "criminal-exploitation", "homeless": "homelessness",
       "bullying-threats": "violence-threats"}


def upgrade():
    with op.batch_alter_table('comment_analyses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('safeguarding_evidence', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('flag_urgency', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_comment_analyses_flag_urgency'), ['flag_urgency'], unique=False)
    table = sa.table('comment_analyses', sa.column('answer_id', sa.BigInteger()),
                     sa.column('safeguarding_reasons', sa.JSON()), sa.column('flag_urgency', sa.Integer()),
                     sa.column('safeguarding', sa.Boolean()))
    connection = op.get_bind()
    evidence = sa.table('comment_analyses', sa.column('safeguarding_evidence', sa.JSON()))
    connection.execute(evidence.update().values(safeguarding_evidence=[]))
    rows = connection.execute(sa.select(table.c.answer_id, table.c.safeguarding_reasons)
                              .where(table.c.safeguarding.is_(True))).all()
    for answer_id, reasons in rows:
        ranks = [KINDS.index(OLD.get(r, r)) if OLD.get(r, r) in KINDS else len(KINDS) - 1 for r in reasons or []]
        connection.execute(table.update().where(table.c.answer_id == answer_id)
                           .values(flag_urgency=min(ranks) if ranks else len(KINDS) - 1))
    with op.batch_alter_table('comment_analyses', schema=None) as batch_op:
        batch_op.alter_column('safeguarding_evidence', existing_type=sa.JSON(), nullable=False)


def downgrade():
    with op.batch_alter_table('comment_analyses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comment_analyses_flag_urgency'))
        batch_op.drop_column('flag_urgency')
        batch_op.drop_column('safeguarding_evidence')
